/**
 * Data printed to a terminal goes on one line with control characters (C0, DEL, C1 such as U+009B)
 * and line separators removed, so nothing imported can reshape the terminal or the layout.
 */
export function printable(text: string, maxLength = 240): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
