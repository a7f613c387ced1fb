/**
 * Plugs pinyin-pro's dictionary into the possible-blacklist-match search
 * (blacklist-possible.ts), so that "Yiwu Hongda Trading Co., Ltd." meets
 * 义乌市宏达贸易有限公司. Importing this module is all it takes: the custom
 * functions and the command line import it at start; the task pane loads it
 * after it opens (a chunk of its own, about 150 KB gzipped of dictionary).
 */
import { pinyin } from "pinyin-pro";
import { setPinyin } from "./blacklist-possible";

setPinyin((text) => pinyin(text, { toneType: "none", type: "array", v: true }).join("").toLowerCase());
