// ts.js -- typst.ts (@myriaddreamin/typst-ts-node-compiler, its Linux x64
// binary package, installed by bench/run.sh with npm) in one node process: compiles every .typ file named in LIST (one path a line, from the
// repository root) to OUTDIR/NAME.pdf with one compiler, as a service would.
//   node bench/typst/ts.js ROOT FONTDIR LIST OUTDIR
// Prints the bundled Typst version with --version.  Exits 1 on the first
// document that does not compile, with its diagnostics.
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require(path.join(__dirname, '..', 'node_modules',
	'@myriaddreamin', 'typst-ts-node-compiler-linux-x64-gnu'));

const args = process.argv.slice(2);
if (args[0] === '--version') {
	const c = NodeCompiler.create({ workspace: process.cwd() });
	const r = c.compile({ mainFileContent: '#metadata(str(sys.version)) <v>' });
	console.log('typst ' + c.query(r.result, { selector: '<v>', field: 'value' })[0]);
	process.exit(0);
}
if (args.length !== 4) {
	console.error('usage: node ts.js ROOT FONTDIR LIST OUTDIR');
	process.exit(2);
}
const [root, fontdir, list, outdir] = args;
const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [fontdir] }] });
for (const f of fs.readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
	const r = compiler.compile({ mainFilePath: path.resolve(f) });
	if (!r.result) {
		const d = r.takeDiagnostics();
		console.error(f + ': ' + JSON.stringify(d ? d.shortDiagnostics : 'no document'));
		process.exit(1);
	}
	const out = path.join(outdir, path.basename(f, '.typ') + '.pdf');
	fs.writeFileSync(out, compiler.pdf(r.result));
	compiler.evictCache(10);
}
