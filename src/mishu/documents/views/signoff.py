"""The sign-off files of a document: upload (checked by `signoff.attach`) and download."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from mishu.core import permissions as rights

from .. import signoff
from ..forms import SignoffFileForm
from ..models import SignoffFile
from .register import _DocumentAction, _errors


class SignoffUploadView(_DocumentAction):
    def post(self, request, pk):
        doc = self.document()
        form = SignoffFileForm(request.POST, request.FILES)
        if not form.is_valid():
            _errors(request, form.errors, form)
            return redirect(doc.get_absolute_url())
        data = form.cleaned_data
        try:
            signoff.attach_upload(doc, data["kind"], data["file"], request.user)
        except ValidationError as exc:
            _errors(request, exc, form)
        else:
            messages.success(request, _("The file is attached."))
        return redirect(doc.get_absolute_url())


class SignoffFileView(_DocumentAction):
    """The file as it was received (XML), for those who may see the document."""

    def get(self, request, pk, file_pk):
        files = SignoffFile.objects.restrict(request.user, rights.VIEW).select_related("document")
        kept = get_object_or_404(files, pk=file_pk, document_id=pk)
        response = HttpResponse(kept.content, content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, kept.file_name)
        return response
