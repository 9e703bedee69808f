// Text a record could hold that breaks naive escaping in some format.
const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code))
  .filter((char) => char !== '\t' && char !== '\n' && char !== '\r')
  .join('');

export const HOSTILE_STRINGS: string[] = [
  '<script>alert(1)</script>',
  'a ]]> b ]]> c',
  `controls ${controls} end`,
  'U+FFFE \uFFFE and U+FFFF \uFFFF here',
  'Tom &amp; Jerry & &lt;b&gt; &#x3C;',
  'RTL \u200Fמרק\u202E mark \u200E',
  'emoji 🚀🇰🇵 and ZWJ 👩‍🚀',
  'Кремль и Пхеньян',
  '조선민주주의인민공화국 평양',
  '"quotes" \'single\' <b>bold</b> </item></entry> <![CDATA[ x',
];

/** What a text should read as after a round trip through any format. */
export function expectedText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/\r\n?/g, '\n');
}
