import { type ReactNode, useMemo } from 'react';
import { type Block, type Inline, parseMarkdown } from '../lib/markdown';

function inlines(parts: Inline[]): ReactNode[] {
  return parts.map((part, index) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'strong':
        return <strong key={index}>{inlines(part.children)}</strong>;
      case 'em':
        return <em key={index}>{inlines(part.children)}</em>;
      case 'code':
        return <code key={index}>{part.text}</code>;
      case 'link': {
        const external = !part.href.startsWith('/');
        return (
          <a
            key={index}
            href={part.href}
            {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {inlines(part.children)}
          </a>
        );
      }
      case 'break':
        return <br key={index} />;
      default:
        return part satisfies never;
    }
  });
}

function block(part: Block, index: number): ReactNode {
  switch (part.kind) {
    case 'heading': {
      const Heading = `h${part.level}` as const;
      return <Heading key={index}>{inlines(part.children)}</Heading>;
    }
    case 'paragraph':
      return <p key={index}>{inlines(part.children)}</p>;
    case 'list': {
      const items = part.items.map((item, itemIndex) => <li key={itemIndex}>{inlines(item)}</li>);
      return part.ordered ? (
        <ol key={index} start={part.start}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={index}>{inlines(part.children)}</blockquote>;
    case 'code':
      return (
        <pre key={index}>
          <code>{part.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={index} />;
    default:
      return part satisfies never;
  }
}

/** An article body: its Markdown as React elements, never as HTML (see lib/markdown.ts). */
export function MarkdownView({ markdown }: { markdown: string }) {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  return <div className="article-body">{blocks.map(block)}</div>;
}
