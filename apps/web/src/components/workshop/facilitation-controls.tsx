import { useAccount } from '../../auth/me.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useStages } from '../../board/use-board.ts';
import {
  useFacilitation,
  useFacilitationActions,
  useFollowedSummon,
  useFollowStore,
  useSummon,
} from '../../workshop/facilitation-queries.ts';
import { runFacilitatorAction } from '../../workshop/workshop-problem.ts';
import type { RunFromMenu } from '../common/menu-button.tsx';
import { LocateIcon } from '../common/icons.tsx';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import { SummonFollowersStatus } from './summon-followers-status.tsx';
import './lock-controls.css';
import { ToolLabel } from './tool-label.tsx';

/** The facilitator's header button: "Bring everyone to me", or stop doing so. */
export function BringEveryoneButton() {
  const canFacilitate = useCan('workshop.facilitate');
  const myUserId = useAccount()?.user.id ?? null;
  const { leading } = useSummon(myUserId);
  const { change } = useFacilitationActions();
  if (!canFacilitate) return null;
  const run = (action: Parameters<typeof change>[0]) => runFacilitatorAction(() => change(action));
  return (
    <button
      type="button"
      className={`icon-button${leading ? ' lock-toggle--on' : ''}`}
      aria-label={leading ? 'Stop bringing everyone along' : 'Bring everyone to me'}
      aria-pressed={leading}
      title={leading ? 'Stop bringing everyone along' : 'Bring everyone to me'}
      onClick={() => {
        if (leading) return run('endSummon');
        const viewport = useFollowStore.getState().currentViewport();
        if (viewport) run({ summon: viewport });
      }}
    >
      <LocateIcon />
      <ToolLabel>{leading ? 'Stop bringing' : 'Bring everyone'}</ToolLabel>
    </button>
  );
}

/**
 * Below the header: whom this person follows (with "Stop following"), that
 * the facilitator is bringing everyone along, and the spotlit stage.
 */
export function FacilitationBanner() {
  const myUserId = useAccount()?.user.id ?? null;
  const facilitation = useFacilitation();
  const followed = useFollowedSummon(myUserId);
  const { summon, leading: leads } = useSummon(myUserId);
  const leading = leads ? summon : null;
  const canFacilitate = useCan('workshop.facilitate');
  const { change } = useFacilitationActions();
  const stages = useStages();
  const spotlit = facilitation?.spotlight?.stageId ?? null;
  const spotlitStage = spotlit ? stages.find((stage) => stage.id === spotlit) : undefined;
  if (!followed && !leading && !spotlitStage) return null;
  return (
    <div className="banner lock-banner facilitation-banner" role="status">
      {followed ? (
        <span>
          <LocateIcon /> Following {followed.by.name || 'the facilitator'}’s view{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => useFollowStore.getState().stopFollowing(followed.startedAt)}
          >
            Stop following
          </button>
        </span>
      ) : null}
      {leading ? (
        <span>
          <LocateIcon /> <SummonFollowersStatus startedAt={leading.startedAt} />{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => runFacilitatorAction(() => change('endSummon'))}
          >
            Stop bringing everyone
          </button>
        </span>
      ) : null}
      {spotlitStage ? (
        <span>
          Spotlight on {spotlitStage.title || 'a stage'}
          {canFacilitate ? (
            <>
              {' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => runFacilitatorAction(() => change({ spotlight: null }))}
              >
                End spotlight
              </button>
            </>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

/** "Spotlight for everyone" in a stage's menu (stage-menu.tsx), for facilitators only. */
export function SpotlightMenuItem({ stageId, run }: { stageId: string; run: RunFromMenu }) {
  const canFacilitate = useCan('workshop.facilitate');
  const spotlit = useFacilitation()?.spotlight?.stageId === stageId;
  const { change } = useFacilitationActions();
  if (!canFacilitate) return null;
  return (
    <MenuCheckbox
      checked={spotlit}
      icon={<LocateIcon />}
      onClick={run(() =>
        runFacilitatorAction(() => change({ spotlight: spotlit ? null : stageId })),
      )}
    >
      Spotlight for everyone
    </MenuCheckbox>
  );
}
