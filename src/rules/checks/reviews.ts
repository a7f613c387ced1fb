import { InputError } from "../input-error";
import { reviewFlag } from "../review-flag";
import type { Check } from "./check";
import { reason } from "./check";

/**
 * Fake reviews: a near-perfect score on few reviews (>= 4.95 with < 20), or a
 * burst (more than half of the reviews in the last 30 days): 10 points.
 * The same test as GUARD.REVIEWFLAG (review-flag.ts), on the ledger's facts.
 * @example reviews.run({ ...order, supplier: { reviewScore: 5, reviewCount: 8 } }, ctx) // code "too_perfect"
 */
export const reviews: Check = {
  id: "reviews",
  fields: ["reviewScore"],
  run(order, ctx) {
    const { reviewScore, reviewCount, recentReviewShare } = order.supplier;
    if (reviewScore === undefined || reviewCount === undefined) return undefined;
    const recent = recentReviewShare === undefined ? undefined : Math.round(recentReviewShare * reviewCount);
    let flag;
    try {
      flag = reviewFlag(reviewScore, reviewCount, recent, ctx.settings.reviews);
    } catch (e) {
      // A score off the 5-point scale (a percentage, a typo) is no evidence either way.
      if (e instanceof InputError) return undefined;
      throw e;
    }
    if (!flag.flagged || !flag.code) return undefined;
    return reason("reviews", flag.code, ctx.settings.reviews.points, {
      score: reviewScore,
      count: reviewCount,
      ...(recentReviewShare === undefined
        ? {}
        : { recentShare: Math.round(recentReviewShare * 1000) / 1000 }),
    });
  },
};
