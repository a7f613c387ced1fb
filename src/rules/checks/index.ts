import type { Check } from "./check";
import { badges } from "./badges";
import { blacklisted } from "./blacklisted";
import { contract } from "./contract";
import { deposit } from "./deposit";
import { exportDocs } from "./export-docs";
import { exposure } from "./exposure";
import { factoryVisit } from "./factory-visit";
import { inspection } from "./inspection";
import { license } from "./license";
import { paymentChannel } from "./payment-channel";
import { payee } from "./payee";
import { price } from "./price";
import { reviews } from "./reviews";
import { samples } from "./samples";
import { storeAge } from "./store-age";
import { storeUrl } from "./store-url";
import { tracking } from "./tracking";

/** Every rule, in the order of DOMAIN.md's table (reasons come out in this order). */
export const CHECKS: readonly Check[] = [
  blacklisted,
  storeAge,
  exposure,
  paymentChannel,
  deposit,
  badges,
  license,
  storeUrl,
  tracking,
  samples,
  contract,
  inspection,
  exportDocs,
  factoryVisit,
  reviews,
  price,
  payee,
];
