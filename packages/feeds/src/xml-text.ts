import { escapeHtml } from '@briefing/present';

/** Escape text for a double-quoted XML attribute written by this package. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (char) => (char === '"' ? '&quot;' : escapeHtml(char)));
}
