import { describe, expect, it } from 'vitest';
import { snippetOfMatches } from './search-snippet.ts';

describe('snippetOfMatches', () => {
  it('keeps only the lines that hold a match, once each', () => {
    expect(snippetOfMatches('Onboarding\nInvite «refund» takes weeks\nSupport ticket')).toBe(
      'Invite «refund» takes weeks',
    );
    expect(snippetOfMatches('a\n«x» one … b\n«x» two\nc … a\n«x» one')).toBe('«x» one … «x» two');
  });

  it('leaves a one-line headline as it is', () => {
    expect(snippetOfMatches('The «zeppelin» journey')).toBe('The «zeppelin» journey');
  });
});
