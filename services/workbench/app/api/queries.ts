import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/auth-context';
import { ApiError } from './api-error';
import { sortQueue } from '../common/queue-order';
import type {
  CaseDetail,
  CaseItem,
  Category,
  Classification,
  Complainant,
  DecideRequest,
  LetterResponse,
  Workload,
} from './types';

export interface QueueFilter {
  department?: string;
  handlerId?: string;
  /** only cases with a breached deadline */
  breached?: boolean;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function useQueue(filter: QueueFilter) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['queue', filter],
    queryFn: async () => {
      const [open, reopened] = await Promise.all(
        (['open', 'reopened'] as const).map((status) =>
          api.get<{ items: CaseItem[] }>(
            'investigation',
            `/v1/cases${query({
              department: filter.department,
              handlerId: filter.handlerId,
              breached: filter.breached ? 'true' : undefined,
              status,
              limit: '200',
            })}`,
          ),
        ),
      );
      return sortQueue([...(open?.items ?? []), ...(reopened?.items ?? [])]);
    },
    refetchInterval: 15_000,
  });
}

export function useCase(complaintId: string) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['case', complaintId],
    queryFn: () => api.get<CaseDetail>('investigation', `/v1/cases/${complaintId}`),
    // Every read of a case is an audit entry: asked again after a change, not on each focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useClassification(complaintId: string, enabled = true) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['classification', complaintId],
    queryFn: () => api.get<Classification>('classification', `/v1/classifications/${complaintId}`),
    enabled,
  });
}

export function useComplainant(complaintId: string, enabled: boolean) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['complainant', complaintId],
    queryFn: () => api.get<Complainant>('intake', `/v1/complaints/${complaintId}/complainant`),
    enabled,
    staleTime: Infinity,
  });
}

/** The letter feedback wrote; 404 until it is written, so it is asked again every 2 s. */
export function useLetter(complaintId: string, enabled: boolean) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['letter', complaintId],
    queryFn: () => api.get<LetterResponse>('feedback', `/v1/responses/${complaintId}`),
    enabled,
    retry: false,
    refetchInterval: (q) =>
      q.state.error instanceof ApiError && q.state.error.status === 404 ? 2_000 : false,
  });
}

export function useWorkload(department: string | undefined, dueWithinDays: number) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['workload', department, dueWithinDays],
    queryFn: () =>
      api.get<Workload>(
        'investigation',
        `/v1/workload${query({ department, dueWithinDays: String(dueWithinDays) })}`,
      ),
    refetchInterval: 15_000,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return (complaintId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['queue'] }),
      client.invalidateQueries({ queryKey: ['workload'] }),
      client.invalidateQueries({ queryKey: ['case', complaintId] }),
      client.invalidateQueries({ queryKey: ['classification', complaintId] }),
    ]);
}

export function useDecide(complaintId: string) {
  const { api } = useAuth();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: DecideRequest) =>
      api.post('investigation', `/v1/cases/${complaintId}/decision`, body),
    // Not awaited: the form navigates away at once, and the decided case leaves every queue
    // held in the cache before the lists are asked again.
    onSuccess: () => {
      client.setQueriesData<CaseItem[]>({ queryKey: ['queue'] }, (old) =>
        old?.filter((c) => c.complaintId !== complaintId),
      );
      void invalidate(complaintId);
    },
  });
}

export function useAddNote(complaintId: string) {
  const { api } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: string) =>
      api.post('investigation', `/v1/cases/${complaintId}/notes`, { body }),
    onSuccess: () => invalidate(complaintId),
  });
}

export interface ReassignRequest {
  complaintId: string;
  handlerId: string;
  reason: string;
  department?: string;
}

export function useReassign() {
  const { api } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ complaintId, ...body }: ReassignRequest) =>
      api.post<CaseItem>('investigation', `/v1/cases/${complaintId}/assignment`, body),
    onSuccess: (_data, vars) => invalidate(vars.complaintId),
  });
}

export interface CorrectionRequest {
  category: Category;
  subcategory: string;
  department?: string;
  reason: string;
}

export function useCorrect(complaintId: string) {
  const { api } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CorrectionRequest) =>
      api.post('classification', `/v1/classifications/${complaintId}/correction`, body),
    onSuccess: () => invalidate(complaintId),
  });
}
