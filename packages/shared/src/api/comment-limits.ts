// The comment limits on their own, without imports: the error catalogue's
// messages quote them, and errors.ts can't import comments.ts (a cycle).
export const COMMENT_BODY_MAX = 4000;
export const COMMENT_MENTIONS_MAX = 20;
