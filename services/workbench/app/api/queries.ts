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
  MajorIncident,
  MajorIncidentDetail,
  MajorIncidentStepName,
  RepeatLink,
  RepeatOutcome,
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

export function useQueue(filter: QueueFilter, enabled = true) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['queue', filter],
    enabled,
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

/** The assigned handler declares a conflict of interest: the case goes to a colleague. */
export function useDeclareConflict(complaintId: string) {
  const { api } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<CaseItem>('investigation', `/v1/cases/${complaintId}/conflict-of-interest`, {
        reason,
      }),
    onSuccess: () => invalidate(complaintId),
  });
}

/** A proposed repeat merged, restarted on new facts, or split. */
export function useDecideRepeat(complaintId: string) {
  const { api } = useAuth();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { outcome: RepeatOutcome; reason: string }) =>
      api.post<RepeatLink>('investigation', `/v1/cases/${complaintId}/repeats/decision`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['case-repeats'] }),
        invalidate(complaintId),
      ]),
  });
}

/** Major incidents with their linked complaints (one detail read per incident). */
export function useMajorIncidents(enabled: boolean) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['major-incidents'],
    enabled,
    queryFn: async () => {
      const list = await api.get<{ items: MajorIncident[] }>(
        'investigation',
        '/v1/major-incidents',
      );
      return Promise.all(
        list.items.map((i) =>
          api.get<MajorIncidentDetail>('investigation', `/v1/major-incidents/${i.incidentId}`),
        ),
      );
    },
    refetchInterval: 30_000,
  });
}

export function useTickStep(incidentId: string) {
  const { api } = useAuth();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { step: MajorIncidentStepName; note: string }) =>
      api.post<MajorIncident>('investigation', `/v1/major-incidents/${incidentId}/steps`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['major-incidents'] }),
  });
}
