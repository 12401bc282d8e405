import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { seedMe } from './query-wrapper.tsx';

afterEach(() => {
  cleanup();
  seedMe(undefined);
});
