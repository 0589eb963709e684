// The discussion of one journey cell (a persona's pain, emotion or thoughts at a stage) in a side
// panel: its threads with replies, resolve and reopen (the persona review's Thread), and a form to
// start a thread. Threads are read and counted with tRPC queries, refetched after every change.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { CommentBodyFields } from "~/app/(studio)/w/[workspaceId]/personas/_review/comment-body-fields";
import { Thread } from "~/app/(studio)/w/[workspaceId]/personas/_review/discussion";
import { Drawer } from "../drawer";
import "~/app/_components/persona/persona-review.css";

export interface CellTopic {
  /** The comment target key (server/domain/journey-cell-key.ts). */
  key: string;
  /** e.g. "Pain severity of Price hunter at Purchase". */
  label: string;
}

export function CellDiscussion({
  workspaceId,
  topic,
  onClose,
}: {
  workspaceId: string;
  topic: CellTopic | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      open={topic !== null}
      title={topic ? `Discuss: ${topic.label}` : "Discussion"}
      description="Every member of the workspace can comment, reply and resolve."
      onClose={onClose}
    >
      {topic && <CellThreads key={topic.key} workspaceId={workspaceId} topic={topic} />}
    </Drawer>
  );
}

function CellThreads({ workspaceId, topic }: { workspaceId: string; topic: CellTopic }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const target = { workspaceId, targetType: "JOURNEY_CELL" as const, targetKey: topic.key };
  const threads = useQuery(trpc.comment.list.queryOptions(target));
  const changed = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.comment.list.queryFilter(target)),
      queryClient.invalidateQueries(trpc.comment.journeyCellCounts.pathFilter()),
    ]);
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onSuccess: async () => {
        setBody("");
        await changed();
      },
    }),
  );
  const list = threads.data ?? [];
  return (
    <div className="ev-discussion">
      {threads.isPending ? (
        <p className="muted">
          <span className="spinner" aria-hidden="true" /> Loading the comments…
        </p>
      ) : threads.isError ? (
        <p className="alert error">{readFailure(threads.error).message}</p>
      ) : list.length === 0 ? (
        <p className="muted">No comments on this cell yet.</p>
      ) : (
        <ul className="pa-threads">
          {list.map((t) => (
            <Thread
              key={t.id}
              workspaceId={workspaceId}
              thread={t}
              label={t.resolvedAt ? "Resolved thread" : "Open thread"}
              onChanged={() => void changed()}
            />
          ))}
        </ul>
      )}
      <form
        className="form pa-comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ ...target, body });
        }}
      >
        <CommentBodyFields
          label="New comment"
          body={body}
          onBodyChange={setBody}
          error={create.error ? readFailure(create.error).message : undefined}
          pending={create.isPending}
        />
      </form>
    </div>
  );
}
