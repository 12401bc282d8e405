/**
 * The app's icons: Lucide's (lucide-react, the same set the lane kinds use),
 * 16 px, currentColor, under the names the components use. Decorative only:
 * the control that holds one carries the accessible name. The logo is ours.
 */
import {
  ArrowLeft,
  Check,
  CalendarCheck,
  CalendarClock,
  GitCompareArrows,
  CopyPlus,
  UserRound,
  ClipboardList,
  FolderInput,
  Printer,
  Search,
  ChevronDown,
  ChevronRight,
  ChevronLeft,
  Clock,
  Copy,
  Download,
  Upload,
  Ellipsis,
  GripVertical,
  Keyboard,
  Link,
  Lock,
  EyeOff,
  LockOpen,
  Map as MapGlyph,
  Maximize,
  MousePointer2,
  MoveHorizontal,
  Columns3,
  Pencil,
  Plus,
  Redo2,
  Star,
  Trash2,
  Undo2,
  X,
  Locate,
  UsersRound,
  MessageSquare,
  Presentation,
  ContactRound,
  ZoomIn,
  ZoomOut,
  type LucideIcon,
} from 'lucide-react';

const icon =
  (Glyph: LucideIcon, defaultSize = 16) =>
  ({ size = defaultSize }: { size?: number } = {}) => (
    <Glyph className="icon" size={size} aria-hidden="true" focusable="false" />
  );

export const PlusIcon = icon(Plus);
export const TrashIcon = icon(Trash2);
export const PencilIcon = icon(Pencil);
export const GripIcon = icon(GripVertical);
export const UndoIcon = icon(Undo2);
export const RedoIcon = icon(Redo2);
export const ArrowLeftIcon = icon(ArrowLeft);
export const CloseIcon = icon(X);
export const CheckIcon = icon(Check);
export const MapIcon = icon(MapGlyph, 20);
export const MoreIcon = icon(Ellipsis);
export const CopyIcon = icon(Copy);
export const LinkIcon = icon(Link);
export const ZoomInIcon = icon(ZoomIn);
export const ZoomOutIcon = icon(ZoomOut);
export const FitIcon = icon(Maximize);
/** Fit width: arrows out to both sides. */
export const FitWidthIcon = icon(MoveHorizontal);
/** Fit a stage: one column among others. */
export const FitStageIcon = icon(Columns3);
export const KeyboardIcon = icon(Keyboard);
/** The map's history: versions and what changed. */
export const HistoryIcon = icon(Clock);
export const PreviousIcon = icon(ChevronLeft);
export const NextIcon = icon(ChevronRight);
export const LockIcon = icon(Lock);
export const UnlockIcon = icon(LockOpen);
export const LocateIcon = icon(Locate);
export const PrivateIcon = icon(EyeOff);
/** The header's "Workshop": opens the workshop tools. */
export const WorkshopIcon = icon(UsersRound);
export const CommentsIcon = icon(MessageSquare);
export const PersonasIcon = icon(ContactRound);
export const PresentIcon = icon(Presentation);
/** The leadership briefing: a one-page summary. */
export const BriefingIcon = icon(ClipboardList);
export const PrintIcon = icon(Printer);
export const SearchIcon = icon(Search);
/** Move a map into another workspace. */
export const MoveIcon = icon(FolderInput);
export const DownloadIcon = icon(Download);
export const UploadIcon = icon(Upload);
/** A map's lifecycle: status, owner, review dates. */
export const LifecycleIcon = icon(CalendarClock);
/** "Mark as reviewed". */
export const ReviewedIcon = icon(CalendarCheck);
/** "Compare with current state". */
export const CompareIcon = icon(GitCompareArrows);
/** "Create future-state map": a copy to change. */
export const FutureStateIcon = icon(CopyPlus);
export const PersonIcon = icon(UserRound);
/** Other people's cursors on the board. */
export const CursorIcon = icon(MousePointer2);

export const StarIcon = ({ size = 16, filled = false }: { size?: number; filled?: boolean }) => (
  <Star
    className="icon"
    size={size}
    fill={filled ? 'currentColor' : 'none'}
    aria-hidden="true"
    focusable="false"
  />
);

export const ChevronIcon = ({ direction = 'down' }: { direction?: 'down' | 'right' }) => {
  const Glyph = direction === 'down' ? ChevronDown : ChevronRight;
  return <Glyph className="icon" size={16} aria-hidden="true" focusable="false" />;
};

export function LogoMark() {
  return (
    <svg className="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path
        d="M6 21c4-9 7-9 10-3s6 6 10-4"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="6" cy="21" r="2.2" fill="#fff" />
      <circle cx="26" cy="14" r="2.2" fill="#fff" />
    </svg>
  );
}
