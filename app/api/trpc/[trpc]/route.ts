// tRPC over HTTP: transport only, see server/api/request-handlers.ts.
import { handleTrpcRequest } from "~/server/api/request-handlers";

export const dynamic = "force-dynamic";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
