import type { ComponentProps } from 'react';
import './markdown.css';

/**
 * Images in previewed markdown: only the app's own (data: URLs it made, such as an article's
 * charts) are shown. Any other source, e.g. a tracking pixel pasted into a title or a template,
 * shows as its alt text: the preview never asks a remote server for anything, and the CSP is
 * never the only thing standing in the way.
 */
export function MarkdownImage({ src, alt }: ComponentProps<'img'>) {
  if (typeof src === 'string' && src.startsWith('data:image/')) return <img src={src} alt={alt ?? ''} />;
  return <span className="image-as-text">[image: {alt || 'untitled'}]</span>;
}

export const MARKDOWN_COMPONENTS = { img: MarkdownImage };
