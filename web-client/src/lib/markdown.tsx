// A small, safe Markdown renderer for notices: headings, paragraphs, lists, quotes, bold, italic,
// code and http(s) links. It builds React elements (never HTML strings), so a notice cannot inject
// markup or scripts into a unit's board.
import { Fragment, type ReactNode } from 'react';

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
      paragraph = [];
    }
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+(?:[.)]\s+|、\s*)(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    } else if (bullet || numbered) {
      flush();
      const ordered = !bullet;
      const text = (bullet ?? numbered)![1];
      const last = blocks[blocks.length - 1];
      if (last && last.kind === 'list' && last.ordered === ordered) {
        last.items.push(text);
      } else {
        blocks.push({ kind: 'list', ordered, items: [text] });
      }
    } else if (quote) {
      flush();
      const last = blocks[blocks.length - 1];
      if (last && last.kind === 'quote') {
        last.text += `\n${quote[1]}`;
      } else {
        blocks.push({ kind: 'quote', text: quote[1] });
      }
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/;

export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  text.split('\n').forEach((line, lineIndex) => {
    if (lineIndex > 0) {
      out.push(<br key={`${keyPrefix}-br${lineIndex}`} />);
    }
    line.split(INLINE).forEach((part, i) => {
      const key = `${keyPrefix}-${lineIndex}-${i}`;
      if (part === '') {
        return;
      }
      if ((part.startsWith('**') && part.endsWith('**')) || (part.startsWith('__') && part.endsWith('__'))) {
        out.push(<strong key={key}>{part.slice(2, -2)}</strong>);
      } else if (part.startsWith('`') && part.endsWith('`')) {
        out.push(<code key={key}>{part.slice(1, -1)}</code>);
      } else if (/^\[[^\]]+\]\([^)\s]+\)$/.test(part)) {
        const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part)!;
        out.push(/^https?:\/\//i.test(href)
          ? <a key={key} href={href} target="_blank" rel="noopener noreferrer">{label}</a>
          : <Fragment key={key}>{label}</Fragment>);
      } else if ((part.startsWith('*') && part.endsWith('*') && part.length > 2) || (part.startsWith('_') && part.endsWith('_') && part.length > 2)) {
        out.push(<em key={key}>{part.slice(1, -1)}</em>);
      } else {
        out.push(<Fragment key={key}>{part}</Fragment>);
      }
    });
  });
  return out;
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ?? 'markdown'}>
      {parseBlocks(source).map((block, i) => {
        const key = `b${i}`;
        switch (block.kind) {
          case 'heading': {
            const Tag = (block.level <= 2 ? 'h3' : 'h4') as 'h3' | 'h4';
            return <Tag key={key}>{renderInline(block.text, key)}</Tag>;
          }
          case 'quote':
            return <blockquote key={key}>{renderInline(block.text, key)}</blockquote>;
          case 'list': {
            const items = block.items.map((item, j) => <li key={`${key}-${j}`}>{renderInline(item, `${key}-${j}`)}</li>);
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          default:
            return <p key={key}>{renderInline(block.text, key)}</p>;
        }
      })}
    </div>
  );
}
