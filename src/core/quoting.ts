/**
 * Quoted data (a field note, a module passage, an imported topic) written into an answer so that
 * where it ends is never in doubt: in double quotes, written as a JSON string, so an inner double
 * quote is \", a backslash \\, a line break \n, and control, bidirectional and invisible characters
 * are \u escapes. Cut first to `maxLength` characters (an ellipsis marks the cut).
 */
export function quoteData(text: string, maxLength?: number): string {
  const cut = maxLength !== undefined && text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
