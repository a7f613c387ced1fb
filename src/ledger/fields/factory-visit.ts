import type { FieldSpec } from "../fields";

/**
 * Whether a factory visit or video call was made, or refused.
 *
 * Its spellings come from Chinese team sheets (验厂, 是否验厂, 视频验厂); English team sheets (Factory visit, Video
 * call, Factory Audit). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const factoryVisit: FieldSpec<"factoryVisit"> = {
  id: "factoryVisit",
  kind: "factoryVisit",
  level: "order",
  aliases: [
    "验厂",
    "视频验厂",
    "实地验厂",
    "视频看厂",
    "看厂",
    "拜访",
    "工厂拜访",
    "实地考察",
    "是否验厂",
    "Factory visit",
    "Video call",
    "Factory video",
    "Visit",
    "Factory audit",
    "Video audit",
  ],
  keywords: ["验厂", "看厂", "拜访", "考察", "视频", "visit", "videocall", "factoryvideo"],
  concepts: ["工厂+看|去过|参观|实地|到访|视频", "厂+看过|去过|参观|到访"],
};
