// Reads a PDF on standard input and prints {"pages": N, "text": "...", "title": "..."} with
// pdf-parse (pdf.js). A separate process: pdf.js loads its worker with a dynamic import,
// which Jest's CommonJS sandbox refuses.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(
      JSON.stringify({ pages: text.total, text: text.text, title: info.info?.Title ?? null }),
    );
  } finally {
    await parser.destroy();
  }
});
