/**
 * Text from the journal, agent logs and hook payloads, made safe to print on a terminal: control
 * characters are shown, never sent. An ESC in a title could otherwise retitle the terminal, clear
 * the screen or rewrite earlier lines; a BEL rings; a bidirectional override reorders what is seen.
 * - C0 controls (U+0000–U+001F) become their Unicode control pictures (ESC → ␛, LF → ␊, BEL → ␇);
 * - DEL becomes ␡;
 * - C1 controls (U+0080–U+009F, where 8-bit CSI lives) and the bidirectional embedding, override and
 *   isolate characters become `<U+XXXX>`.
 * Everything else, including ordinary Unicode, is printed as it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
