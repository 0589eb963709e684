// The link fragment that opens the discussion form about one trait ("#discuss=<trait id>").
// A plain module: server pages build the links, the client discussion reads them.
export const DISCUSS_HASH = "#discuss=";
