// The pure edits on the builder's question list: reorder (pages stay contiguous), move to a
// page, insert, duplicate, delete and replace, with display logic following renamed or deleted
// questions.
import { conditionSources, renameSource, withoutSource } from "~/server/domain/survey/conditions";
import { uniqueKey, type DraftQuestion } from "./builder-state";

/** Up or down one place; at a page's edge the question moves onto the neighbouring page. */
export function moveQuestion(list: DraftQuestion[], uid: string, delta: -1 | 1): DraftQuestion[] {
  const i = list.findIndex((q) => q.uid === uid);
  const neighbour = list[i + delta];
  const q = list[i];
  if (!q || !neighbour) return list;
  const next = [...list];
  if (neighbour.page !== q.page) {
    next[i] = { ...q, page: neighbour.page };
  } else {
    next[i] = neighbour;
    next[i + delta] = q;
  }
  return next;
}

export function moveToPage(list: DraftQuestion[], uid: string, page: number): DraftQuestion[] {
  const q = list.find((x) => x.uid === uid);
  if (!q || q.page === page) return list;
  const rest = list.filter((x) => x.uid !== uid);
  const after = rest.reduce((at, x, index) => (x.page <= page ? index + 1 : at), 0);
  return [...rest.slice(0, after), { ...q, page }, ...rest.slice(after)];
}

export function insertQuestion(list: DraftQuestion[], q: DraftQuestion): DraftQuestion[] {
  const after = list.reduce((at, x, index) => (x.page <= q.page ? index + 1 : at), 0);
  return [...list.slice(0, after), q, ...list.slice(after)];
}

export function duplicateQuestion(list: DraftQuestion[], uid: string, newUid: string) {
  const i = list.findIndex((q) => q.uid === uid);
  const q = list[i];
  if (!q) return list;
  const copy: DraftQuestion = {
    ...structuredClone(q),
    uid: newUid,
    key: uniqueKey(
      `${q.key}_copy`,
      list.map((x) => x.key),
    ),
  };
  return [...list.slice(0, i + 1), copy, ...list.slice(i + 1)];
}

/** Removes a question and the display logic of questions that depended on it. */
export function removeQuestion(list: DraftQuestion[], uid: string): DraftQuestion[] {
  const gone = list.find((q) => q.uid === uid);
  return list
    .filter((q) => q.uid !== uid)
    .map((q) => (gone ? { ...q, logic: withoutSource(q.logic, gone.key) } : q));
}

export const dependants = (list: DraftQuestion[], key: string) =>
  list.filter((q) => conditionSources(q.logic).includes(key));

/** Replaces one question; a changed key is followed by the logic that refers to it. */
export function updateQuestion(list: DraftQuestion[], next: DraftQuestion): DraftQuestion[] {
  const prev = list.find((q) => q.uid === next.uid);
  return list.map((q) => {
    if (q.uid === next.uid) return next;
    if (prev && prev.key !== next.key && q.logic && conditionSources(q.logic).includes(prev.key)) {
      return { ...q, logic: renameSource(q.logic, prev.key, next.key) };
    }
    return q;
  });
}
