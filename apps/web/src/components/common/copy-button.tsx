import { useEffect, useState, type ReactNode } from 'react';

/**
 * "Copy link" (or `label`): puts `text` on the clipboard and says "Copied"
 * for two seconds. A refusal (no permission, an insecure page) says nothing:
 * the text still shows beside it, to copy by hand. `extra`: words after
 * the label for screen readers only, when two such buttons show at once.
 */
export function CopyButton({
  text,
  label = 'Copy link',
  onCopied,
  extra,
}: {
  text: string;
  label?: string;
  onCopied?: () => void;
  extra?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="button"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => {
            setCopied(true);
            onCopied?.();
          },
          () => {},
        )
      }
    >
      {copied ? 'Copied' : label}
      {extra ? <span className="visually-hidden">{extra}</span> : null}
    </button>
  );
}
