// A query token and its weight.
export interface WeightedToken {
  token: string;
  weight: number;
}
