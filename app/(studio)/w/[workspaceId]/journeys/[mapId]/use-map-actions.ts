// Every change the editor makes goes through here: one mutation per procedure, one place that
// shows progress and failures, refreshes the map afterwards, and applies moves to the cached map
// at once (undone by the refresh if the server refuses).
"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { TTouchpointLayer } from "~/server/domain/journey";
import { withStageMoved, withTouchpointMoved, type MapData } from "./map-state";

export interface ActionState {
  busy: boolean;
  /** Announced politely: what was just saved. */
  status: string;
  failure: string | undefined;
}

export function useMapActions(workspaceId: string, journeyMapId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.journey.get.queryKey({ workspaceId, journeyMapId });
  const [state, setState] = useState<ActionState>({ busy: false, status: "", failure: undefined });

  const m = {
    update: useMutation(trpc.journey.update.mutationOptions()),
    linkSurvey: useMutation(trpc.journey.linkSurvey.mutationOptions()),
    addStage: useMutation(trpc.journey.stage.add.mutationOptions()),
    updateStage: useMutation(trpc.journey.stage.update.mutationOptions()),
    moveStage: useMutation(trpc.journey.stage.move.mutationOptions()),
    setKpis: useMutation(trpc.journey.stage.setKpis.mutationOptions()),
    deleteStage: useMutation(trpc.journey.stage.delete.mutationOptions()),
    addTouchpoint: useMutation(trpc.journey.touchpoint.add.mutationOptions()),
    updateTouchpoint: useMutation(trpc.journey.touchpoint.update.mutationOptions()),
    moveTouchpoint: useMutation(trpc.journey.touchpoint.move.mutationOptions()),
    deleteTouchpoint: useMutation(trpc.journey.touchpoint.delete.mutationOptions()),
  };

  /** Runs one change; resolves to true when it was saved. */
  async function run(done: string, call: () => Promise<unknown>): Promise<boolean> {
    setState((s) => ({ ...s, busy: true, failure: undefined }));
    try {
      await call();
      setState({ busy: false, status: done, failure: undefined });
      return true;
    } catch (error) {
      setState({ busy: false, status: "", failure: readFailure(error).message });
      return false;
    } finally {
      await queryClient.invalidateQueries({ queryKey: key });
    }
  }

  const optimistic = (change: (map: MapData) => MapData) =>
    queryClient.setQueryData<MapData>(key, (map) => (map ? change(map) : map));

  return {
    workspaceId,
    state,
    clearFailure: () => setState((s) => ({ ...s, failure: undefined })),
    run,
    m,
    moveStage(stageId: string, name: string, index: number) {
      optimistic((map) => withStageMoved(map, stageId, index));
      return run(`Moved "${name}" to position ${index + 1}.`, () =>
        m.moveStage.mutateAsync({ workspaceId, stageId, index }),
      );
    },
    moveTouchpoint(
      touchpointId: string,
      name: string,
      target: { stageId: string; stageName: string; layer: TTouchpointLayer; index: number },
    ) {
      optimistic((map) => withTouchpointMoved(map, touchpointId, target));
      return run(`Moved "${name}" (${target.stageName}, place ${target.index + 1}).`, () =>
        m.moveTouchpoint.mutateAsync({
          workspaceId,
          touchpointId,
          stageId: target.stageId,
          layer: target.layer,
          index: target.index,
        }),
      );
    },
  };
}

export type MapActions = ReturnType<typeof useMapActions>;
