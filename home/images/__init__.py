"""Pictures without the metadata that says where, when and with what they were taken.

A phone photo carries its GPS position, the time and the camera in EXIF, XMP and IPTC; on a
school site that is where a child was. ``metadata`` removes it from image bytes, ``originals``
from the files already stored, ``receivers`` from every new original as it is saved and
``storage`` from every rendition as it is written; ``checks`` refuses damaged pictures and
oversized animations at upload.
"""
