/**
 * The new text of a reply by email: what the writer typed, without the quoted history and the
 * signature mail apps add. Cuts at the first line that starts the history ("On … wrote:", in a
 * few languages and over two lines, "-----Original Message-----", an Outlook "From:/Sent:" block,
 * a line of underscores) and at the signature delimiter ("-- ") or a mobile footer ("Sent from my
 * iPhone"); drops any line still quoted with ">". What is left is trimmed; it may be empty.
 */
const HISTORY_STARTS = [
  /^\s*On\b.{0,200}\bwrote:\s*$/i,
  /^\s*Am\b.{0,200}\bschrieb\b.{0,100}:\s*$/i,
  /^\s*Le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^\s*El\b.{0,200}\bescribió:\s*$/i,
  /^\s*Op\b.{0,200}\bschreef\b.{0,100}:\s*$/i,
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^\s*_{8,}\s*$/,
];
const SIGNATURE_STARTS = [/^-- ?$/, /^Sent from my \w+/i, /^Get Outlook for /i, /^Sent from (Mail|Yahoo Mail|Outlook) for /i];
const OUTLOOK_FROM = /^\s*\*?From:\*?\s.+$/i;
const OUTLOOK_NEXT = /^\s*\*?(Sent|Date|To|Subject):\*?\s/i;

export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const twoLines = `${line} ${lines[i + 1] ?? ""}`;
    if (HISTORY_STARTS.some((re) => re.test(line))) break;
    if (/^\s*On\b/i.test(line) && /\bwrote:\s*$/i.test(lines[i + 1] ?? "") && HISTORY_STARTS[0]!.test(twoLines)) break;
    if (OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[i + 1] ?? "")) break;
    if (SIGNATURE_STARTS.some((re) => re.test(line.trimEnd()))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
