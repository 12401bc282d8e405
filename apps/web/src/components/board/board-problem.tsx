import { Link } from 'react-router';
import './board-view.css';

/** Shown instead of the grid when the map's document cannot be read as a board. */
export function BoardProblem({ message }: { message: string }) {
  return (
    <div className="board-problem" role="alert">
      <h2 className="board-problem__title">This board can’t be opened</h2>
      <p className="board-problem__message">{message}</p>
      <p className="board-problem__hint">Nothing was changed. Your other maps are not affected.</p>
      <Link to="/" className="button">
        Back to all maps
      </Link>
    </div>
  );
}
