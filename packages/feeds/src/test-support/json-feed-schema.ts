// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written from the spec text. Strict where the
// spec says "required", "must" or gives a format; extensions (keys starting "_" and a letter) allowed.
import { z } from 'zod';

const url = z.url();
const rfc3339 = z.iso.datetime({ offset: true });
// RFC 5646 language tag, in the simple form the spec's examples use.
const language = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/);

const extensionKey = /^_[A-Za-z][^.]*$/;
/** An object schema that also accepts extension members ("_name") and nothing else unknown. */
function withExtensions<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(key in shape) && !extensionKey.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown key "${key}"` });
      }
    }
  });
}

const Author = withExtensions({
  name: z.string().optional(),
  url: url.optional(),
  avatar: url.optional(),
}).refine((author) => author.name ?? author.url ?? author.avatar, {
  message: 'an author object needs at least one of name, url, avatar',
});

const Attachment = withExtensions({
  url,
  mime_type: z.string().min(1),
  title: z.string().optional(),
  size_in_bytes: z.number().optional(),
  duration_in_seconds: z.number().optional(),
});

export const JsonFeedItem = withExtensions({
  id: z.string().min(1),
  url: url.optional(),
  external_url: url.optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  image: url.optional(),
  banner_image: url.optional(),
  date_published: rfc3339.optional(),
  date_modified: rfc3339.optional(),
  authors: z.array(Author).optional(),
  tags: z.array(z.string()).optional(),
  language: language.optional(),
  attachments: z.array(Attachment).optional(),
}).refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
  message: 'content_html and content_text are each optional, but one or both must be present',
});

export const JsonFeed11 = withExtensions({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: url.optional(),
  icon: url.optional(),
  favicon: url.optional(),
  authors: z.array(Author).optional(),
  language: language.optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.object({ type: z.string().min(1), url })).optional(),
  items: z.array(JsonFeedItem),
}).superRefine((feed, ctx) => {
  if (feed.next_url !== undefined && feed.next_url === feed.feed_url) {
    ctx.addIssue({ code: 'custom', path: ['next_url'], message: 'next_url must not be feed_url' });
  }
  const ids = feed.items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: ['items'], message: 'item ids must be unique' });
  }
});
export type JsonFeed11 = z.infer<typeof JsonFeed11>;
