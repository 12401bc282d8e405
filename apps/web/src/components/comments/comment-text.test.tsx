import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CommentText } from './comment-text.tsx';

describe('CommentText', () => {
  it('renders HTML as plain text, never as markup', () => {
    const { container } = render(<CommentText text={'<img src=x onerror=alert(1)> <b>bold</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
  });

  it('links http(s) URLs only, opened without access to this page', () => {
    render(
      <CommentText text={'See https://example.com/a?b=1. Not javascript:alert(1) or ftp://x'} />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a?b=1']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
  });

  it('keeps line breaks in the text (shown by pre-wrap)', () => {
    const { container } = render(<CommentText text={'one\ntwo'} />);
    expect(container.textContent).toBe('one\ntwo');
  });
});
