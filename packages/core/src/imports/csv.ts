/** A CSV text that does not follow RFC 4180 well enough to read it. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Splits RFC 4180 text into records of fields: comma-separated, fields in double quotes may hold
 * commas, line breaks and doubled quotes (`""` → `"`); records end with CRLF, LF or CR; a leading
 * byte order mark and a final line break are ignored. A quote inside an unquoted field is kept as
 * it is (lenient, as spreadsheets write it); text after a closing quote, or a quote that is never
 * closed, is an error.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let fieldStart = true;
  let inQuotes = false;
  let closedQuote = false;
  let line = 1;
  let quoteLine = 1;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStart = true;
    closedQuote = false;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        closedQuote = true;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endField();
      records.push(record);
      record = [];
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else if (closedQuote) {
      throw new CsvSyntaxError("unexpected text after a closing quote", line);
    } else if (ch === '"' && fieldStart) {
      inQuotes = true;
      quoteLine = line;
      fieldStart = false;
      i++;
    } else {
      field += ch;
      fieldStart = false;
      i++;
    }
  }
  if (inQuotes) throw new CsvSyntaxError("a quoted field is never closed", quoteLine);
  if (!fieldStart || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
