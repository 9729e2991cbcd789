import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, parseBlocks } from './markdown';

describe('notice Markdown', () => {
  it('renders headings, lists, emphasis, code and links', () => {
    const html = renderToStaticMarkup(<Markdown source={'# 演练\n\n- 第一项\n- **第二项**\n\n1. 测温\n2. 登记\n\n详见 [指南](https://mzj.example/guide) 与 `12345`。'} />);
    expect(html).toContain('<h3>演练</h3>');
    expect(html).toContain('<ul><li>第一项</li><li><strong>第二项</strong></li></ul>');
    expect(html).toContain('<ol><li>测温</li><li>登记</li></ol>');
    expect(html).toContain('<a href="https://mzj.example/guide" target="_blank" rel="noopener noreferrer">指南</a>');
    expect(html).toContain('<code>12345</code>');
  });

  it('never lets a notice inject markup or script links', () => {
    const html = renderToStaticMarkup(<Markdown source={'<script>alert(1)</script> [点我](javascript:alert(1)) <img src=x onerror=alert(1)>'} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps numbers that are not list items as text', () => {
    expect(parseBlocks('1.5 倍号源')).toEqual([{ kind: 'paragraph', text: '1.5 倍号源' }]);
    expect(parseBlocks('一、\n二、')[0].kind).toBe('paragraph');
  });
});
