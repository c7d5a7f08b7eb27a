// pdfjs-text.mjs FILE.pdf -- print the text pdf.js extracts from each page
// (what a browser's viewer copies), one line per text item run.
// Needs the npm package pdfjs-dist (see `make check-pdfjs`).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
for (let p = 1; p <= doc.numPages; p++) {
	const page = await doc.getPage(p);
	const content = await page.getTextContent();
	let line = "";
	for (const item of content.items) {
		line += item.str;
		if (item.hasEOL) {
			console.log(line);
			line = "";
		}
	}
	if (line) console.log(line);
}
