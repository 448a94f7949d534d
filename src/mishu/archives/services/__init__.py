"""Write logic of the archives, one place for pages, API and imports: filing (`filing`), the
destruction review (`destruction`) and the catalogue submission (`catalogue`)."""
