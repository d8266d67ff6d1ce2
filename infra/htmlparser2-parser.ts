/**
 * What linkedom takes from htmlparser2, its Parser, and nothing else: infra/bundle.ts aliases `htmlparser2`
 * here. linkedom imports the whole namespace (`import * as HTMLParser2`) to destructure Parser from it, which
 * esbuild cannot tree-shake, so the bundle would carry htmlparser2's DOM helpers (domhandler 5, domutils 3,
 * dom-serializer 2: second copies of packages css-select already brings at newer majors) that never run.
 * The path is a file, not the package: htmlparser2's exports map does not list Parser.js.
 */
export { Parser } from '../node_modules/htmlparser2/dist/esm/Parser.js';
