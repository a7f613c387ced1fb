import { reviewFlag } from "../../src/rules/review-flag";
import { parseSettings } from "../../src/rules/settings";
import { caught } from "./helpers";

describe("reviewFlag", () => {
  it.each([
    [5, 12, undefined, "too_perfect"],
    [4.95, 19, undefined, "too_perfect"],
    [4.99, 1, undefined, "too_perfect"],
    [4.8, 40, 30, "review_burst"],
    [4.7, 20, 11, "review_burst"],
    [4.9, 3, 3, "review_burst"],
    [5, 10, 9, "too_perfect"], // both signs: too_perfect first
  ])("flags score %p on %p reviews (%p recent) as %s", (score, count, recent, code) => {
    const r = reviewFlag(score, count, recent);
    expect(r.flagged).toBe(true);
    expect(r.code).toBe(code);
  });

  it.each([
    [4.94, 19, undefined], // just below the perfect score
    [5, 20, undefined], // enough reviews for a perfect score
    [4.95, 20, 10], // exactly half recent is not more than half
    [4.6, 200, 100],
    [4.8, 40, 0],
    [5, 0, undefined], // no reviews: the score is a default, not a rating
    [0, 0, 0],
  ])("does not flag score %p on %p reviews (%p recent)", (score, count, recent) => {
    const r = reviewFlag(score, count, recent);
    expect(r.flagged).toBe(false);
    expect(r.code).toBeUndefined();
  });

  it("carries the facts behind a burst", () => {
    expect(reviewFlag(4.8, 40, 30).facts).toEqual({
      score: 4.8,
      reviewCount: 40,
      recentReviews: 30,
      recentShare: 0.75,
      maxRecentShare: 0.5,
      perfectScore: 4.95,
      minReviews: 20,
      tooPerfect: false,
      burst: true,
    });
  });

  it("records both signs in the facts when both show", () => {
    const { facts } = reviewFlag(5, 10, 9);
    expect(facts.tooPerfect).toBe(true);
    expect(facts.burst).toBe(true);
  });

  it("leaves the recent share out when the recent count is not known", () => {
    const { facts } = reviewFlag(5, 12);
    expect(facts).not.toHaveProperty("recentShare");
    expect(facts.burst).toBe(false);
  });

  it("follows the team's settings", () => {
    const reviews = parseSettings({
      reviews: { perfectScore: 4.9, minReviews: 50, recentShare: 0.8 },
    }).reviews;
    expect(reviewFlag(4.9, 30, undefined, reviews).code).toBe("too_perfect");
    expect(reviewFlag(4.5, 40, 30, reviews).flagged).toBe(false); // 75% is within 80%
    expect(reviewFlag(4.5, 40, 33, reviews).code).toBe("review_burst");
  });

  it.each([
    ["score", () => reviewFlag(5.5, 10)],
    ["score", () => reviewFlag(-1, 10)],
    ["score", () => reviewFlag(48, 10)], // a percentage or 50-point score, not the 5-point scale
    ["score", () => reviewFlag(NaN, 10)],
    ["reviewCount", () => reviewFlag(4.8, -1)],
    ["reviewCount", () => reviewFlag(4.8, 10.5)],
    ["recentReviews", () => reviewFlag(4.8, 10, -2)],
    ["recentReviews", () => reviewFlag(4.8, 10, 11)],
    ["recentReviews", () => reviewFlag(4.8, 10, Infinity)],
  ])("rejects a bad %s, naming it", (argument, call) => {
    const e = caught(call);
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(argument);
    expect(e.messageZh).toContain(argument);
  });

  it("says why more recent reviews than reviews is wrong, in both languages", () => {
    const e = caught(() => reviewFlag(4.8, 10, 11));
    expect(e.message).toBe("recentReviews (11) cannot exceed reviewCount (10)");
    expect(e.messageZh).toMatch(/不能大于/);
  });
});
