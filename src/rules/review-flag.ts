import { InputError, requireCount, requireFinite } from "./input-error";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import type { Facts } from "./types";

/**
 * Review warning signs (DOMAIN.md section 2, rule `reviews`): a too-perfect score
 * on few reviews, or a burst of recent reviews. Scores are on 1688's 5-point scale.
 */

export type ReviewSettings = Settings["reviews"];

export type ReviewFlagCode = "too_perfect" | "review_burst";

export interface ReviewFlag {
  flagged: boolean;
  code?: ReviewFlagCode;
  facts: Facts;
}

/**
 * Flags a store whose score is at least `perfectScore` (4.95) on fewer than
 * `minReviews` (20) reviews (`too_perfect`), or whose reviews of the last 30 days
 * are more than `recentShare` (half) of all its reviews (`review_burst`). A store
 * with no reviews is not flagged: its score is a default, not a rating. When both
 * signs show, the code is `too_perfect` and the facts carry both.
 * @example reviewFlag(5, 12) // { flagged: true, code: "too_perfect", facts: {...} }
 * @example reviewFlag(4.8, 40, 30) // { flagged: true, code: "review_burst", facts: {...} }
 */
export function reviewFlag(
  score: number,
  reviewCount: number,
  recentReviews?: number,
  settings: ReviewSettings = DEFAULT_SETTINGS.reviews,
): ReviewFlag {
  requireFinite({ name: "score", zh: "评分" }, score);
  if (score < 0 || score > 5) {
    throw new InputError(
      "score",
      `score must be on the 5-point scale, from 0 to 5 (got ${score})`,
      `score（评分）必须在 0 到 5 分之间（收到 ${score}）`,
    );
  }
  requireCount({ name: "reviewCount", zh: "评价数" }, reviewCount);
  if (recentReviews !== undefined) {
    requireCount({ name: "recentReviews", zh: "近 30 天评价数" }, recentReviews);
    if (recentReviews > reviewCount) {
      throw new InputError(
        "recentReviews",
        `recentReviews (${recentReviews}) cannot exceed reviewCount (${reviewCount})`,
        `recentReviews（近 30 天评价数，${recentReviews}）不能大于 reviewCount（评价数，${reviewCount}）`,
      );
    }
  }

  const facts: Facts = {
    score,
    reviewCount,
    perfectScore: settings.perfectScore,
    minReviews: settings.minReviews,
  };
  const tooPerfect = reviewCount > 0 && reviewCount < settings.minReviews && score >= settings.perfectScore;
  let burst = false;
  if (recentReviews !== undefined && reviewCount > 0) {
    const share = recentReviews / reviewCount;
    facts.recentReviews = recentReviews;
    facts.recentShare = share;
    facts.maxRecentShare = settings.recentShare;
    burst = share > settings.recentShare;
  }
  facts.tooPerfect = tooPerfect;
  facts.burst = burst;

  if (tooPerfect) return { flagged: true, code: "too_perfect", facts };
  if (burst) return { flagged: true, code: "review_burst", facts };
  return { flagged: false, facts };
}
