{{/* Names and labels shared by every template. */}}

{{- define "progressive-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "<release>-<chart>", or just the release name when it already contains the chart's name. */}}
{{- define "progressive-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "progressive-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "progressive-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "progressive-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "progressive-operator.labels" -}}
helm.sh/chart: {{ include "progressive-operator.chart" . }}
{{ include "progressive-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: progressive-framework
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "progressive-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "progressive-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name must name an existing ServiceAccount when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "progressive-operator.webhookSecretName" -}}
{{- default (printf "%s-webhook" (include "progressive-operator.fullname" .)) .Values.remediation.webhookAuth.existingSecret }}
{{- end }}

{{- define "progressive-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
