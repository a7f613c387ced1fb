import type { FieldSpec } from "../fields";

/**
 * Where the chat with the supplier is kept (a link or a file name): evidence the dispute dossier
 * lists, as the buyer's guide asks ("save all chats as proof for future claims"). Read only by
 * src/ledger/pay-facts.ts, never into `Order`.
 *
 * Its spellings come from team sheets (聊天记录, 旺旺聊天记录, 沟通记录; Chat log, Chat link). Examples
 * are labelled in tests/fixtures/header-corpus.tsv.
 */
export const chatLink: FieldSpec<"chatLink"> = {
  id: "chatLink",
  kind: "text",
  level: "order",
  aliases: [
    "聊天记录",
    "聊天截图",
    "聊天记录链接",
    "沟通记录",
    "旺旺聊天记录",
    "Chat",
    "Chats",
    "Chat log",
    "Chat record",
    "Chat link",
  ],
  keywords: ["聊天记录", "沟通记录", "chatlog", "chatrecord", "chatlink"],
};
