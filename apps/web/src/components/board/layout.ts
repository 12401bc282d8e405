/**
 * Board geometry shared by CSS (through custom properties set on the board)
 * and the emotion chart, which must place its points at column centres.
 */
export const STAGE_COLUMN_WIDTH = 220;
export const LANE_TITLE_WIDTH = 160;
/** Height of the chart band at the top of an emotion lane. */
export const EMOTION_CHART_HEIGHT = 104;
export const EMOTION_CHART_PADDING = 14;
