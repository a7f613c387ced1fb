/**
 * The pinyin dictionary (pinyin-pro, about 150 KB gzipped) is loaded once the
 * pane is open, as a chunk of its own, so that the pane's first download stays
 * small. Until it arrives, possible blacklist matches are found by their
 * characters and identifiers; the pinyin match ("Yiwu Hongda Trading" for
 * 义乌市宏达贸易) joins them then.
 */
import { useEffect, useState } from "react";
import { hasPinyin } from "../../rules/blacklist-possible";

let loading: Promise<unknown> | undefined;

/** True once names are matched in pinyin too; starts the loading on first use. */
export function usePinyin(): boolean {
  const [ready, setReady] = useState(hasPinyin);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loading ??= import(/* webpackChunkName: "pinyin" */ "../../rules/pinyin");
    loading.then(
      () => {
        if (live) setReady(true);
      },
      // Offline or blocked: the card still works without the pinyin match.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
