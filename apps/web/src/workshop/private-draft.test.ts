import { beforeEach, describe, expect, it } from 'vitest';
import { setPrivateDraft, takeDraftKeptAcrossReload, takePrivateDraft } from './private-draft.ts';

const draft = { stageId: 's1', laneId: 'l1', cardId: null, base: '', text: 'Half an idea' };

beforeEach(() => {
  window.sessionStorage.clear();
  takePrivateDraft();
});

describe('a private card being written, across a reload of the tab', () => {
  it('is given back once, to the same map', () => {
    setPrivateDraft('map-1', draft);
    expect(takeDraftKeptAcrossReload('map-2')).toBeNull();
    expect(takeDraftKeptAcrossReload('map-1')).toEqual(draft);
    expect(takeDraftKeptAcrossReload('map-1')).toBeNull();
  });

  it('is forgotten when its editor closes, and when the reveal takes it', () => {
    setPrivateDraft('map-1', draft);
    setPrivateDraft('map-1', null);
    expect(takeDraftKeptAcrossReload('map-1')).toBeNull();
    setPrivateDraft('map-1', draft);
    expect(takePrivateDraft()).toEqual(draft);
    expect(takeDraftKeptAcrossReload('map-1')).toBeNull();
  });

  it('is not given back with nothing new in it, or damaged', () => {
    setPrivateDraft('map-1', { ...draft, cardId: 'c1', base: 'Same', text: 'Same' });
    expect(takeDraftKeptAcrossReload('map-1')).toBeNull();
    window.sessionStorage.setItem('journeyboard:private-card-draft', '{"mapId":"map-1","text":1');
    expect(takeDraftKeptAcrossReload('map-1')).toBeNull();
  });
});
