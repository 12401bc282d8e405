import type { CardColor, Channel, Level } from '../../board/use-board.ts';

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  app: 'App',
  email: 'Email',
  phone: 'Phone',
  chat: 'Chat',
  store: 'Store',
  social: 'Social',
  other: 'Other',
};

export const LEVEL_LABELS: Record<Level, string> = { 1: 'Low', 2: 'Medium', 3: 'High' };

export const CARD_COLOR_LABELS: Record<CardColor, string> = {
  none: 'Lane colour',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  pink: 'Pink',
  red: 'Red',
  grey: 'Grey',
};
