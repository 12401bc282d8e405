import { useOpenMapWorkshopProblem, useWorkshopProblem } from '../../workshop/workshop-problem.ts';
import { ErrorBanner } from '../common/error-banner.tsx';

/** Why a facilitator's last lock, spotlight or summon was refused (workshop-problem.ts). */
export function WorkshopProblemBanner() {
  const message = useOpenMapWorkshopProblem();
  const dismiss = useWorkshopProblem((state) => state.dismiss);
  return message ? <ErrorBanner message={message} onDismiss={dismiss} /> : null;
}
