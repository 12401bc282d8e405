import { useEffect, useState, type ReactNode } from 'react';

/**
 * "Copy link": puts `text` on the clipboard and says "Copied" for two
 * seconds. A refusal (no permission, an insecure page) says nothing: the
 * field beside it still holds the text to copy by hand. `extra`: words after
 * the label for screen readers only, when two such buttons show at once.
 */
export function CopyButton({
  text,
  onCopied,
  extra,
}: {
  text: string;
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
      {copied ? 'Copied' : 'Copy link'}
      {extra ? <span className="visually-hidden">{extra}</span> : null}
    </button>
  );
}
