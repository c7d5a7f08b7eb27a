// tsw.mjs -- typst.ts 0.4 (@myriaddreamin/typst-ts-web-compiler: Typst 0.10.0
// compiled to WebAssembly, the typst.ts line that matches the Typst CLI of the
// bench) in one node process: compiles every .typ file named in LIST (paths
// from the repository root ROOT) to OUTDIR/NAME.pdf with one compiler.
//   node bench/typst/tsw.mjs ROOT LIST OUTDIR FONTFILE...
// The WebAssembly compiler cannot scan a font directory: it is given the font
// files (the three faces of the briefing).  Each document and its data file
// are read by node and handed over in memory under their root-relative paths
// (/bench/out/...), as a service would; they are dropped after the document.
// Prints the bundled Typst version with --version.  Exits 1 on the first
// document that does not compile.
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { initSync, TypstCompilerBuilder } from
	'../node_modules/@myriaddreamin/typst-ts-web-compiler/pkg/typst_ts_web_compiler.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
initSync(fs.readFileSync(path.join(here, '..', 'node_modules', '@myriaddreamin',
	'typst-ts-web-compiler', 'pkg', 'typst_ts_web_compiler_bg.wasm')));
const args = process.argv.slice(2);
const builder = new TypstCompilerBuilder();
builder.set_dummy_access_model();
if (args[0] === '--version') {
	const c = await builder.build();
	c.add_source('/version.typ', '#metadata(str(sys.version)) <v>');
	console.log('typst ' + JSON.parse(c.query('/version.typ', '<v>', 'value'))[0]);
	process.exit(0);
}
if (args.length < 4) {
	console.error('usage: node tsw.mjs ROOT LIST OUTDIR FONTFILE...');
	process.exit(2);
}
const [root, list, outdir, ...fonts] = args;
for (const f of fonts)
	await builder.add_raw_font(new Uint8Array(fs.readFileSync(f)));
const compiler = await builder.build();
for (const f of fs.readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
	const abs = path.resolve(f);
	const rel = '/' + path.relative(root, abs);
	const src = fs.readFileSync(abs, 'utf8');
	// the data file named in yaml("...")
	const m = src.match(/yaml\("([^"]+)"\)/);
	if (m)
		compiler.map_shadow(m[1], new Uint8Array(fs.readFileSync(path.join(root, m[1]))));
	compiler.add_source(rel, src);
	let pdf;
	try {
		pdf = compiler.compile(rel, 'pdf');
	} catch (e) {
		console.error(f + ': ' + e);
		process.exit(1);
	}
	fs.writeFileSync(path.join(outdir, path.basename(f, '.typ') + '.pdf'), pdf);
	compiler.reset_shadow();
}
