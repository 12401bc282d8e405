import { useOpenMapWorkshopProblem, useWorkshopProblem } from '../../workshop/workshop-problem.ts';
import { CloseIcon } from '../common/icons.tsx';

/** Why a facilitator's last lock, spotlight or summon was refused (workshop-problem.ts). */
export function WorkshopProblemBanner() {
  const message = useOpenMapWorkshopProblem();
  const dismiss = useWorkshopProblem((state) => state.dismiss);
  if (!message) return null;
  return (
    <div className="banner banner--error" role="alert">
      <span>{message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
