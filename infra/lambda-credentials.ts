import { CredentialsProviderError } from '@smithy/core/config';

/**
 * Stands in for the AWS SDK's shared-config credential providers in the bundles (infra/bundle.ts aliases
 * `@aws-sdk/credential-provider-sso`, `-ini`, `-process` and `-web-identity` here). The SDK's default chain
 * (`@aws-sdk/credential-provider-node`, bundled as it is) tries the environment first, and on Lambda the
 * runtime always puts the function's role credentials there, so the links after it never run; bundled, they
 * are ~90 KB of chunks (profile files, SSO, STS and their nested clients) in every function. Here each of
 * them skips to the next link, as the SDK's own do when their configuration is absent: without credentials
 * in the environment the chain still ends with the container and instance-metadata providers.
 */
function notInLambdaBundles(name: string) {
  return () => () =>
    Promise.reject(new CredentialsProviderError(`${name} is not in the Lambda bundles (infra/lambda-credentials.ts)`, { tryNextLink: true }));
}

export const fromSSO = notInLambdaBundles('fromSSO');
export const fromIni = notInLambdaBundles('fromIni');
export const fromProcess = notInLambdaBundles('fromProcess');
export const fromTokenFile = notInLambdaBundles('fromTokenFile');
