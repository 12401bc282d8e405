import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { ImportMapPanel } from './import-map-panel.tsx';

const csv = (name: string, ...lines: string[]) =>
  new File([lines.join('\n')], name, { type: 'text/csv' });

function renderPanel(onImport = vi.fn(() => Promise.resolve())) {
  render(
    <CapabilitiesProvider workspace={['workspace.read', 'map.create']}>
      <ImportMapPanel onImport={onImport} />
    </CapabilitiesProvider>,
  );
  return onImport;
}

describe('ImportMapPanel', () => {
  it('previews what a file will create and sends nothing until confirmed', async () => {
    const onImport = renderPanel();
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      csv('Pains.csv', 'Stage,Lane,Text', 'Sign-up,Pain points,Slow form', 'Use,Ideas,Autofill'),
    );
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('From Pains.csv: 2 stages, 2 lanes, 2 cards.');
    expect(screen.getByRole('list', { name: 'Lanes' })).toHaveTextContent(
      'Pain points (Pain points, 1 card)',
    );
    expect(onImport).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Title of the new map'));
    await userEvent.type(screen.getByLabelText('Title of the new map'), 'From research');
    await userEvent.click(screen.getByRole('button', { name: 'Create map from file' }));
    expect(onImport).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'From research',
        map: expect.objectContaining({ format: 'journeyboard-map', version: 1 }),
      }),
    );
  });

  it('counts an emotion lane’s scores, not its cards', async () => {
    renderPanel();
    const file = {
      format: 'journeyboard-map',
      version: 1,
      map: { title: 'Support journey', description: '', personas: [] },
      stages: [
        { id: 'a1', title: 'Problem occurs' },
        { id: 'a2', title: 'Contact' },
      ],
      lanes: [{ id: 'e2', title: 'Feelings', kind: 'emotion' }],
      cards: [],
      emotions: [
        { stage: 'a1', lane: 'e2', score: -1 },
        { stage: 'a2', lane: 'e2', score: 1 },
      ],
    };
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      new File([JSON.stringify(file)], 'support.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('list', { name: 'Lanes' })).toHaveTextContent(
      'Feelings (Emotion curve, 2 scores)',
    );
  });

  it('shows what the file’s reading left out, and still offers to create the map', async () => {
    renderPanel();
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      csv('Pains.csv', 'Stage,Lane,Text,Owner email', 'Sign-up,Pain points,Slow form,a@b.c'),
    );
    await screen.findByRole('region', { name: 'Import preview' });
    expect(screen.getByRole('list', { name: 'Left out of the import' })).toHaveTextContent(
      "Cards: the column 'Owner email' is not a Journeyboard column and was left out.",
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create map from file' })).toBeEnabled();
  });

  it('lists each problem with its row and offers nothing to create', async () => {
    renderPanel();
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      csv('bad.csv', 'Stage,Lane,Kind,Text,Severity', 'A,Pains,pain,x,urgent', 'A,,pain,y,low'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("row 2: severity 'urgent' is not one of low, medium, high.");
    expect(alert).toHaveTextContent('row 3: the lane is empty.');
    expect(screen.queryByRole('button', { name: 'Create map from file' })).toBeNull();
  });

  it('refuses a file over the size limit before reading it', async () => {
    renderPanel();
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'huge.json');
    await userEvent.upload(screen.getByLabelText('Map file'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'huge.json is 6 MB; files up to 5 MB can be imported.',
    );
  });

  it('is not offered without the right to create maps', () => {
    render(
      <CapabilitiesProvider workspace={['workspace.read']}>
        <ImportMapPanel onImport={vi.fn()} />
      </CapabilitiesProvider>,
    );
    expect(screen.queryByLabelText('Map file')).toBeNull();
  });

  it('says which of the file’s personas the import links and which it creates', async () => {
    render(
      <CapabilitiesProvider workspace={['workspace.read', 'map.create']}>
        <ImportMapPanel onImport={vi.fn()} workspacePersonaNames={['Dana, support lead']} />
      </CapabilitiesProvider>,
    );
    const file = {
      format: 'journeyboard-map',
      version: 1,
      map: {
        title: 'With personas',
        personas: [
          { id: 'a', name: 'dana, SUPPORT lead', primary: true },
          { id: 'b', name: 'Kim, admin' },
        ],
      },
      stages: [{ id: 's', title: 'Sign-up' }],
      lanes: [{ id: 'l', title: 'Notes', kind: 'notes' }],
      cards: [],
    };
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      new File([JSON.stringify(file)], 'personas.json', { type: 'application/json' }),
    );
    const personas = await screen.findByRole('list', { name: 'Personas' });
    expect(personas).toHaveTextContent(
      'dana, SUPPORT lead (already in the workspace: linked), primary',
    );
    expect(personas).toHaveTextContent('Kim, admin (new)');
  });

  it('imports into the open map with board.edit: no title to choose', async () => {
    const onImport = vi.fn(() => Promise.resolve());
    render(
      <CapabilitiesProvider map={['map.read', 'board.edit']} workspace={[]}>
        <ImportMapPanel into onImport={onImport} />
      </CapabilitiesProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Import into this map' })).toBeInTheDocument();
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      csv('Pains.csv', 'Stage,Lane,Text', 'Sign-up,Pain points,Slow form'),
    );
    await screen.findByRole('region', { name: 'Import preview' });
    expect(screen.queryByLabelText('Title of the new map')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import into this map' }));
    expect(onImport).toHaveBeenCalledWith(
      expect.objectContaining({ map: expect.objectContaining({ stages: [expect.anything()] }) }),
    );
  });

  it('refuses a file with more personas than a map can link, saying how many it has', async () => {
    const onImport = renderPanel();
    const personas = Array.from({ length: 23 }, (_, index) => ({
      id: `p${index}`,
      name: `Persona ${index + 1}`,
    }));
    const file = {
      format: 'journeyboard-map',
      version: 1,
      map: { title: 'Crowded', personas },
      stages: [{ id: 's', title: 'Sign-up' }],
      lanes: [{ id: 'l', title: 'Notes', kind: 'notes' }],
      cards: [],
    };
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      new File([JSON.stringify(file)], 'crowded.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file has 23 personas, and a map can link at most 20: remove 3 from the file, then import it again.',
    );
    expect(screen.queryByRole('button', { name: 'Create map from file' })).toBeNull();
    expect(onImport).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of an import over the map’s persona limit, and keeps the preview', async () => {
    const message =
      'A map can link at most 20 personas. This map already links 12 and the file has 11 personas, 9 of them not linked to it yet (21 in all): unlink 1 from the map (Personas) or remove 1 from the file, then import it again.';
    const onImport = vi.fn(() => Promise.reject(new ApiError('MAP_PERSONA_LIMIT', message, 409)));
    render(
      <CapabilitiesProvider map={['map.read', 'board.edit']} workspace={[]}>
        <ImportMapPanel into onImport={onImport} />
      </CapabilitiesProvider>,
    );
    await userEvent.upload(
      screen.getByLabelText('Map file'),
      csv('Pains.csv', 'Stage,Lane,Text', 'Sign-up,Pain points,Slow form'),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Import into this map' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('region', { name: 'Import preview' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import into this map' })).toBeEnabled();
  });
});
